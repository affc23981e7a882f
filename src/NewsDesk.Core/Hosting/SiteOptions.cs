using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Core.Hosting;

/// <summary>How the site presents itself; bound to the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required]
    public string Title { get; set; } = "NewsDesk";

    /// <summary>IANA time zone in which dates are shown to readers and editors.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Public base URL for canonical links and feeds; when empty, the request's own.</summary>
    public Uri? BaseUrl { get; set; }
}
