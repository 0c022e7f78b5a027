/**
 * One scenario per cause wslogs diagnoses, plus the healthy control. Each writes its nginx config
 * the way people really (mis)configure it, starts real back ends, drives real clients and records
 * every action's intent. Cause ids ({@code missing-upgrade-headers}, {@code tls}, …) are a contract
 * with the diagnosis engine and the committed samples.
 */
package dev.wslogs.lab.scenario;
