/**
 * The daemon's configuration: typed records bound from YAML by Jackson. Keys are snake_case with
 * units in their names; an unknown key is an error that names it; {@link dev.wslogs.config.Config#validate()}
 * lists every problem at once. Flags of {@code wslogs run} override the file.
 */
package dev.wslogs.config;
