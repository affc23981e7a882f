using System.ComponentModel.DataAnnotations;

namespace NewsDesk.Reading;

/// <summary>The public reading view; bound to the <c>Reading</c> configuration section.</summary>
public sealed class ReadingOptions
{
    public const string Section = "Reading";

    /// <summary>Stories per page on the front page, region, topic, tag, author and search pages.</summary>
    [Range(5, 100)]
    public int PageSize { get; set; } = 20;

    /// <summary>Entries in each feed.</summary>
    [Range(1, 200)]
    public int FeedSize { get; set; } = 50;

    /// <summary>How often each instance checks the store for changes made elsewhere (another instance, the CLI)
    /// and for scheduled stories coming due. Changes saved by this process are seen at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest a cached page lives even without a change (bounds drift of "past week" and similar windows).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
