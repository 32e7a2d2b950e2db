package sohoa.ocr.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The connected patches of ink (8-connected) of a bilevel raster, each with its bounding box, its
 * pixel count and whether it touches the raster's edge; and the label of every pixel, so that a
 * patch can be erased or kept. Labelled in two passes with union-find, which is linear in the
 * pixels: a reduced page of a million pixels takes a few milliseconds.
 */
final class Blobs {
  /** One patch of ink, in the raster's pixels; {@code right} and {@code bottom} are exclusive. */
  record Blob(int label, int left, int top, int right, int bottom, int pixels, boolean touchesEdge) {
    int width() {
      return right - left;
    }

    int height() {
      return bottom - top;
    }

    /** The share of its bounding box the patch fills: a disc fills 0.79, a slanted line little. */
    double fill() {
      return (double) pixels / ((long) width() * height());
    }
  }

  private final int[] labels;
  private final List<Blob> blobs;

  private Blobs(int[] labels, List<Blob> blobs) {
    this.labels = labels;
    this.blobs = List.copyOf(blobs);
  }

  List<Blob> all() {
    return blobs;
  }

  /** The label of pixel {@code index} (row after row), 0 for paper; blob {@code n} has label n+1. */
  int labelAt(int index) {
    return labels[index];
  }

  /** @param ink one flag per pixel, row after row, true where there is ink */
  static Blobs of(boolean[] ink, int w, int h) {
    int[] labels = new int[w * h];
    int[] parent = new int[Math.max(16, w * h / 4)];
    int next = 1;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        if (!ink[row + x]) {
          continue;
        }
        // The neighbours already visited: left, and the three above.
        int found = x > 0 ? labels[row + x - 1] : 0;
        if (y > 0) {
          int above = row - w + x;
          found = joined(parent, found, x > 0 ? labels[above - 1] : 0);
          found = joined(parent, found, labels[above]);
          found = joined(parent, found, x < w - 1 ? labels[above + 1] : 0);
        }
        if (found == 0) {
          if (next == parent.length) {
            parent = Arrays.copyOf(parent, parent.length * 2);
          }
          parent[next] = next;
          found = next++;
        }
        labels[row + x] = found;
      }
    }
    return measure(labels, parent, next, w, h);
  }

  private static Blobs measure(int[] labels, int[] parent, int count, int w, int h) {
    int[] compact = new int[count];
    List<int[]> boxes = new ArrayList<>();
    for (int label = 1; label < count; label++) {
      int root = find(parent, label);
      if (compact[root] == 0) {
        boxes.add(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, 0, 0});
        compact[root] = boxes.size();
      }
      compact[label] = compact[root];
    }
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int label = labels[row + x];
        if (label == 0) {
          continue;
        }
        int id = compact[label];
        labels[row + x] = id;
        int[] box = boxes.get(id - 1);
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
        box[4]++;
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
          box[5] = 1;
        }
      }
    }
    List<Blob> blobs = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      int[] b = boxes.get(i);
      blobs.add(new Blob(i + 1, b[0], b[1], b[2] + 1, b[3] + 1, b[4], b[5] == 1));
    }
    return new Blobs(labels, blobs);
  }

  /** The label a pixel takes from two neighbours' labels (0: none), recording that they join. */
  private static int joined(int[] parent, int found, int label) {
    if (label == 0) {
      return found;
    }
    if (found != 0 && found != label) {
      union(parent, found, label);
    }
    return found == 0 ? label : found;
  }

  private static int find(int[] parent, int label) {
    int root = label;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[label] != root) {
      int up = parent[label];
      parent[label] = root;
      label = up;
    }
    return root;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
