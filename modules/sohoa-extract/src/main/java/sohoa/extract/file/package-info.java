/**
 * What a file says about itself (producer, author, dates, page count, XMP, EXIF), read by Apache
 * Tika in a separate, bounded process.
 */
package sohoa.extract.file;
