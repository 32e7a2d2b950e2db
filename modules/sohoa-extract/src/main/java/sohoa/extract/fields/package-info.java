/** The fields read off a document, as values: names, values, confidences and positions. */
package sohoa.extract.fields;
