/**
 * The real-nginx scenario lab: runs the Debian nginx binary on loopback in front of real back ends,
 * drives real clients through it, and keeps what nginx writes as labelled test data.
 *
 * <p>Invariants: every process and socket is on 127.0.0.1; every nginx runs with its own prefix
 * directory (never /etc/nginx or /var/log/nginx); the labels come from the harness's own bookkeeping
 * of what each client action intended, and {@link dev.wslogs.lab.LabRunCheck} asserts that nginx
 * really wrote that, so the lab cannot drift silently. Entry point for other tests:
 * {@link dev.wslogs.lab.LabSuite#run(String)}.
 */
package dev.wslogs.lab;
