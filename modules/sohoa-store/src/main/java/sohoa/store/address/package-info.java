/**
 * Where the object store is, and opening it: above the stores themselves, so that the store's
 * own package knows neither the folder nor the S3 implementation.
 */
package sohoa.store.address;
