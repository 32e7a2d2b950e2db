/** Where text lies on a page: lines split into column segments, columns and centred lines. */
package sohoa.extract.layout;
