/** Văn bản hành chính: the components Decree 30/2020/NĐ-CP prescribes, read off the page. */
@NullMarked
package sohoa.extract.admin;

import org.jspecify.annotations.NullMarked;
