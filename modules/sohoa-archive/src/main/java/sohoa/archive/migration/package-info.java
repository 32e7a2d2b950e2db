/** Moving a data folder's store to another place (a shared bucket), every object checked. */
package sohoa.archive.migration;
