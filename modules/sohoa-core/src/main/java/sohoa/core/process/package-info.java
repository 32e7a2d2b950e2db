/** Processes as other processes see them: who holds what, and whether they are still there. */
package sohoa.core.process;
