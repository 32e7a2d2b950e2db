/** Events about records, for systems that subscribe instead of polling. */
package sohoa.core.event;
