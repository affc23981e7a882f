using System.Globalization;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Reading.Stories;

/// <summary>
/// The date filter of list pages: <c>?within=week</c> (past 7 days), <c>?within=month</c> (past 30 days), or
/// <c>?from=2024-01-01&amp;to=2024-01-31</c> (whole days in the site's time zone, both inclusive, either optional).
/// </summary>
public sealed record DateFilter(string? Within, DateOnly? From, DateOnly? To)
{
    public static readonly DateFilter None = new(null, null, null);

    public bool IsActive => Within is not null || From is not null || To is not null;

    /// <summary>Parses the query values; <paramref name="error"/> says what a reader should fix.</summary>
    public static DateFilter Parse(string? within, string? from, string? to, out string? error)
    {
        error = null;
        within = string.IsNullOrWhiteSpace(within) ? null : within.Trim().ToLowerInvariant();
        if (within is not null && within is not ("week" or "month"))
        {
            error = "Choose a period of a week or a month.";
            within = null;
        }

        var fromDate = ParseDate(from, "from", ref error);
        var toDate = ParseDate(to, "to", ref error);
        if (fromDate is { } f && toDate is { } t && f > t)
        {
            error = "The start date is after the end date.";
            return new DateFilter(within, null, null);
        }

        return new DateFilter(within, fromDate, toDate);
    }

    private static DateOnly? ParseDate(string? value, string name, ref string? error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        error = $"The '{name}' date should look like 2024-01-31.";
        return null;
    }

    /// <summary>The UTC bounds: published at or after <c>FromUtc</c>, before <c>ToUtc</c>.</summary>
    public (DateTime? FromUtc, DateTime? ToUtc) ToUtc(SiteClock clock, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        DateTime? from = Within switch
        {
            "week" => now.AddDays(-7),
            "month" => now.AddDays(-30),
            _ => null,
        };
        if (From is { } f)
        {
            var start = StartOfDayUtc(clock, f);
            from = from is null || start > from ? start : from;
        }

        // The end bound is the start of the day after; the calendar's last day has none, so it leaves the end open.
        return (from, To is { } t && t < DateOnly.MaxValue ? StartOfDayUtc(clock, t.AddDays(1)) : null);
    }

    private static DateTime StartOfDayUtc(SiteClock clock, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a DST gap begins at the first valid instant.
        while (clock.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, clock.Zone);
    }

    /// <summary>The filter as query parameters, for pager links.</summary>
    public IEnumerable<KeyValuePair<string, string>> Query()
    {
        if (Within is not null)
        {
            yield return new("within", Within);
        }

        if (From is { } f)
        {
            yield return new("from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } t)
        {
            yield return new("to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
