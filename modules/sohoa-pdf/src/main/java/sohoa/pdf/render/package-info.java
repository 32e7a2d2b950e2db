/** Small pictures of stored PDF pages, for reports and consoles. */
package sohoa.pdf.render;
