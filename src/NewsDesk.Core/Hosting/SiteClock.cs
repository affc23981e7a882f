using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsDesk.Core.Hosting;

/// <summary>Turns stored UTC times into the site's time zone (<c>Site:TimeZone</c>) for display.</summary>
public sealed class SiteClock(IOptions<SiteOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset ToSite(DateTime utc)
    {
        var value = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(value), _zone);
    }

    /// <summary>ISO 8601 with the offset, for <c>&lt;time datetime&gt;</c>.</summary>
    public string Iso(DateTime utc) => ToSite(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>"24 November 2021, 07:53 UTC": the zone is always shown.</summary>
    public string Display(DateTime utc)
    {
        var local = ToSite(utc);
        return local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneLabel(local);
    }

    public string DisplayDate(DateTime utc) => ToSite(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private string ZoneLabel(DateTimeOffset local)
    {
        if (_zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT" || _zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var name = _zone.IsDaylightSavingTime(local) ? _zone.DaylightName : _zone.StandardName;
        var utcOffset = string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours:00}:{abs.Minutes:00}");
        // On Linux, zone names are often abbreviations ("JST") or just the offset; show both when they differ.
        return string.IsNullOrWhiteSpace(name) || name.StartsWith("GMT", StringComparison.Ordinal) || name.StartsWith("UTC", StringComparison.Ordinal)
            ? utcOffset
            : $"{name} ({utcOffset})";
    }
}
