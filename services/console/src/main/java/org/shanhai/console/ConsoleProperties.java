package org.shanhai.console;

import java.net.URI;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param projects the projects service's base URL
 * @param payouts the payouts service's base URL
 * @param alerts the alerts service's base URL
 * @param grafana the Grafana the province overview links to (its dashboards), or null for none
 * @param reportPeriod how often an active project is reported on (rule A19: monthly); older is overdue
 * @param zone the programme's time zone, in which dates are shown
 * @param provinceProjectTarget the projects the province means to start each year (about 300), shown on its overview
 */
@ConfigurationProperties("shanhai.console")
public record ConsoleProperties(URI projects, URI payouts, URI alerts, URI grafana, Period reportPeriod, ZoneId zone,
    int provinceProjectTarget) {
}
