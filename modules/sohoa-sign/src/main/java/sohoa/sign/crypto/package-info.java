/** Which cryptographic provider does sohoa's own key work: AWS-LC where it loads, else the JDK's. */
package sohoa.sign.crypto;
