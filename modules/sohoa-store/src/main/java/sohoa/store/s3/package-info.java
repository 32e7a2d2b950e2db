/**
 * The object store of shared deployments: any S3 server (MinIO, Ceph, AWS) through the MinIO
 * Java client, with hashes checked on read, retries with backoff and object-lock retention.
 */
package sohoa.store.s3;
