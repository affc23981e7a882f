using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// Reads the dates feeds actually carry: RFC 822 with its many deviations (no weekday, wrong weekday, named
/// or military zones, two-digit years, full month names, missing seconds), ISO 8601 / RFC 3339 and W3C-DTF
/// (with or without zone, partial dates), and a few common local formats. No zone means UTC. Unreadable or
/// implausible dates give null, never an exception.
/// </summary>
public static partial class FeedDates
{
    // Zone abbreviations seen in feeds, with their offsets in minutes.
    private const string Zones =
        "UT=0 UTC=0 GMT=0 Z=0 WET=0 EST=-300 EDT=-240 CST=-360 CDT=-300 MST=-420 MDT=-360 PST=-480 PDT=-420 " +
        "AKST=-540 AKDT=-480 HST=-600 AST=-240 ADT=-180 NST=-210 BST=60 IST=330 CET=60 CEST=120 MET=60 " +
        "MEST=120 EET=120 EEST=180 MSK=180 PKT=300 ICT=420 WIB=420 SGT=480 HKT=480 PHT=480 AWST=480 JST=540 " +
        "KST=540 ACST=570 AEST=600 AEDT=660 NZST=720 NZDT=780 ";

    private static readonly Dictionary<string, int> ZoneMinutes = Zones.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(z => z.Split('='))
        .ToDictionary(z => z[0], z => int.Parse(z[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy",
        "yyyyMMdd'T'HHmmssK", "yyyyMMdd'T'HHmmss", "yyyyMMdd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
    ];

    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (value.Length > 100)
        {
            return null;
        }

        var parsed = ParseRfc822(value) ?? ParseIso(value) ?? ParseGeneral(value);
        if (parsed is null)
        {
            return null;
        }

        var utc = parsed.Value.UtcDateTime;
        return utc.Year is < 1970 or > 2200 ? null : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var match = Rfc822().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
        {
            return null;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Value.Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }

        var hour = match.Groups["hour"].Success ? int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            var pm = match.Groups["ampm"].Value.StartsWith('p') || match.Groups["ampm"].Value.StartsWith('P');
            hour = hour % 12 + (pm ? 12 : 0);
        }

        var offset = ZoneOffset(match.Groups["zone"].Value);
        if (offset is null || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        var extra = TimeSpan.Zero;
        if (hour == 24)
        {
            hour = 0;
            extra = TimeSpan.FromDays(1);
        }

        if (second == 60)
        {
            second = 59;
        }

        return new DateTimeOffset(year, month, day, hour, minute, second, offset.Value) + extra;
    }

    private static DateTimeOffset? ParseIso(string value)
    {
        var normalized = value.Replace(" Z", "Z", StringComparison.Ordinal).Replace("z", "Z", StringComparison.Ordinal).Replace('t', 'T');
        if (IsoNamedZone().Match(normalized) is { Success: true } named && ZoneOffset(named.Groups["zone"].Value) is { } zoneOffset)
        {
            normalized = normalized[..named.Groups["zone"].Index].TrimEnd() + Format(zoneOffset);
        }

        return DateTimeOffset.TryParseExact(normalized, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var result)
            ? result
            : null;
    }

    private static DateTimeOffset? ParseGeneral(string value)
    {
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && value.Length is 9 or 10)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (value.Count(char.IsAsciiDigit) < 4)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var result)
            ? result
            : null;
    }

    private static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);

    private static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var prefix = name[..3].ToLowerInvariant();
        return Array.IndexOf(Months, prefix) + 1;
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            return TimeSpan.Zero;
        }

        zone = zone.Trim();
        if (ZoneMinutes.TryGetValue(zone, out var minutes))
        {
            return TimeSpan.FromMinutes(minutes);
        }

        var numeric = NumericZone().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups["h"].Value, CultureInfo.InvariantCulture);
            var mins = numeric.Groups["m"].Success ? int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || mins > 59)
            {
                return null;
            }

            var span = new TimeSpan(hours, mins, 0);
            return numeric.Groups["sign"].Value == "-" ? -span : span;
        }

        // Military single letters are unreliable in the wild (RFC 1123 notes the signs were defined backwards): read them as UTC.
        return zone.Length == 1 && char.IsAsciiLetter(zone[0]) ? TimeSpan.Zero : null;
    }

    // [Weekday,] day month year [hh:mm[:ss] [am|pm]] [zone]; also "month day, year" and "day-month-year".
    [GeneratedRegex(
        """^(?:[A-Za-z]{2,9}\.?,?\s*)?(?:(?<day>\d{1,2})(?:st|nd|rd|th)?[\s\-/]+(?<month>[A-Za-z]{3,9})\.?[\s\-/,]+|(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)(?<year>\d{4}|\d{2})(?:[\s,T]+(?:at\s+)?(?<hour>\d{1,2})[:.](?<minute>\d{2})(?:[:.](?<second>\d{2})(?:\.\d+)?)?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?)?\s*(?<zone>(?:GMT|UTC|UT)?\s*[+\-]\d{1,2}:?\d{2}|[+\-]\d{1,2}|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?:GMT|UTC|UT)?\s*(?<sign>[+\-])(?<h>\d{1,2}):?(?<m>\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\d\s*(?<zone>[A-Za-z]{2,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoNamedZone();
}
