package sohoa.store.address;

import java.nio.file.Path;
import java.util.Objects;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectStore;
import sohoa.store.fs.FileSystemStore;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;
import sohoa.store.s3.S3Store;

/** Where the object store is: a folder (the embedded default) or an S3 bucket (shared). */
public sealed interface StoreAddress {
  ObjectStore open() throws StorageFailure;

  /** The embedded store: files under {@code root}. */
  record Folder(Path root) implements StoreAddress {
    public Folder {
      Objects.requireNonNull(root, "root");
    }

    @Override
    public ObjectStore open() throws StorageFailure {
      return new FileSystemStore(root);
    }

    @Override
    public String toString() {
      return root.toString();
    }
  }

  /** A bucket on an S3 server (MinIO, Ceph, AWS). */
  record S3(S3Location location, S3Credentials credentials, Backoff backoff)
      implements StoreAddress {
    public S3 {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public S3Store open() throws StorageFailure {
      return S3Store.open(location, credentials, backoff);
    }

    /** Never the credentials. */
    @Override
    public String toString() {
      return location.toString();
    }
  }
}
