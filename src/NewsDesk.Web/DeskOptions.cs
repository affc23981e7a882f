using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Web;

/// <summary>The desk and its accounts; bound to the <c>Desk</c> configuration section.</summary>
public sealed class DeskOptions
{
    public const string Section = "Desk";

    /// <summary>Sign-in attempts (POSTs) one client address may make per minute before it gets 429.</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Secure, <c>__Host-</c> cookies, and the desk answers only over HTTPS (behind a TLS proxy, set
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>). Default: on, except in the Development environment.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long a desk session lasts without activity.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Largest lead image upload.</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Largest decoded image (width × height), against decompression bombs.</summary>
    [Range(1, 400_000_000)]
    public long MaxImagePixels { get; set; } = 60_000_000;

    /// <summary>Articles re-tagged per transaction by the background re-tag.</summary>
    [Range(1, 10_000)]
    public int RetagBatchSize { get; set; } = 200;

    /// <summary>How often each instance looks for a re-tag job to run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RetagPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
