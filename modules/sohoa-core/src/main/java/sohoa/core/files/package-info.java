/** Local files written whole or not at all, and folders removed with what they hold. */
package sohoa.core.files;
