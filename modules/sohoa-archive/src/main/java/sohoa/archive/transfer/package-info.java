/**
 * Transfer packages: selected documents as a BagIt bag (RFC 8493) that an archive can verify
 * on its own, and the way back into any sohoa store and catalog.
 */
package sohoa.archive.transfer;
