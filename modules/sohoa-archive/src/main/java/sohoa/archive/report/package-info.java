/**
 * Job reports (báo cáo kết quả số hoá): one self-contained HTML file per job, written next to its
 * JSON summary, that a records officer opens offline to judge the run.
 */
package sohoa.archive.report;
