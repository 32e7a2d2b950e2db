/** A SoftHSM2 token made for a test: the PKCS#11 device an agency's USB token or HSM stands for. */
package sohoa.testkit.token;
