package io.oms.api.pnl;

import io.oms.api.Decimals;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.PagedLists;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.infra.persistence.PnlRepository.DayActivity;
import io.oms.infra.persistence.PnlRepository.Snapshot;
import io.oms.infra.persistence.ValuedPosition;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.UsEquityCalendar;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Today's P&L per account and the daily snapshots. Money as decimal strings. */
@ApiRole
@RestController
public class PnlController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DATE_FORM = "must be a date like 2025-03-04";
    private static final int MAX_DAYS = 3_660;

    private final PnlRepository pnl;
    private final PagedLists pages;
    private final Clock clock;

    @Autowired
    public PnlController(PnlRepository pnl, PagedLists pages) {
        this(pnl, pages, Clock.systemUTC());
    }

    PnlController(PnlRepository pnl, PagedLists pages, Clock clock) {
        this.pnl = pnl;
        this.pages = pages;
        this.clock = clock;
    }

    public record AccountPnl(String account, String realizedPnl, String unrealizedPnl, String commissions, String totalPnl) {}

    public record TodayPnl(LocalDate tradingDate, List<AccountPnl> accounts) {}

    public record SnapshotResource(String account, LocalDate tradingDate, String realizedPnl, String unrealizedPnl,
                                   String commissions, String totalPnl, tools.jackson.databind.JsonNode positions,
                                   Instant takenAt) {}

    /**
     * Per account: realized P&L and commissions of today's effective executions (today = the New York calendar
     * date), unrealized P&L of the open positions now, and total = realized + unrealized - commissions.
     */
    @GetMapping("/api/v1/pnl/today")
    TodayPnl today(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                   @RequestParam Optional<String> account) {
        LocalDate date = clock.instant().atZone(UsEquityCalendar.ZONE).toLocalDate();
        Instant from = date.atStartOfDay(UsEquityCalendar.ZONE).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(UsEquityCalendar.ZONE).toInstant();
        Map<String, DayActivity> day = pnl.activity(principal.tenantId(), from, to).stream()
                .collect(Collectors.toMap(DayActivity::account, Function.identity()));
        Map<String, BigDecimal> unrealized = new TreeMap<>();
        for (ValuedPosition v : pnl.valuedPositions(principal.tenantId(), account)) {
            unrealized.merge(v.position().account(), v.unrealizedPnl(), BigDecimal::add);
        }
        TreeSet<String> accounts = new TreeSet<>(unrealized.keySet());
        day.keySet().stream().filter(a -> account.isEmpty() || account.get().equals(a)).forEach(accounts::add);
        List<AccountPnl> rows = accounts.stream().map(a -> {
            DayActivity d = day.getOrDefault(a, new DayActivity(a, BigDecimal.ZERO, BigDecimal.ZERO));
            BigDecimal u = unrealized.getOrDefault(a, BigDecimal.ZERO);
            return new AccountPnl(a, Decimals.text(d.realized()), Decimals.text(u), Decimals.text(d.commissions()),
                    Decimals.text(d.realized().add(u).subtract(d.commissions())));
        }).toList();
        return new TodayPnl(date, rows);
    }

    /**
     * The end-of-day snapshots between {@code from} and {@code to} (trading dates, inclusive), oldest first by
     * default; ties of a date are ordered by account.
     */
    @GetMapping("/api/v1/pnl/history")
    @Listing(resource = "pnl-history", filters = {"account", "from", "to"}, sorts = "trading_date", defaultSort = "trading_date")
    Page<SnapshotResource> history(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, ListQuery query) {
        LocalDate today = clock.instant().atZone(UsEquityCalendar.ZONE).toLocalDate();
        LocalDate end = query.filter("to", LocalDate::parse, DATE_FORM).orElse(today);
        LocalDate start = query.filter("from", LocalDate::parse, DATE_FORM).orElse(end.minusDays(30));
        if (start.isAfter(end)) {
            throw ApiException.validation(List.of(new FieldProblem("from", "must not be after to")));
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.validation(List.of(new FieldProblem("from", "the range may span at most " + MAX_DAYS + " days")));
        }
        Optional<PagedLists.SnapshotKey> after = query.after(k -> new PagedLists.SnapshotKey(LocalDate.parse(k.get(0)), k.get(1)));
        List<Snapshot> rows = pages.snapshots(principal.tenantId(), query.filter("account"), start, end, query.ascending(),
                after, query.fetchSize());
        return query.page(rows, PnlController::resource, s -> List.of(s.tradingDate().toString(), s.account()));
    }

    private static SnapshotResource resource(Snapshot s) {
        return new SnapshotResource(s.account(), s.tradingDate(), Decimals.text(s.realized()), Decimals.text(s.unrealized()),
                Decimals.text(s.commissions()), Decimals.text(s.realized().add(s.unrealized()).subtract(s.commissions())),
                positionsJson(s.positionsJson()), s.takenAt());
    }

    private static JsonNode positionsJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored snapshot positions are not JSON", e);
        }
    }
}
