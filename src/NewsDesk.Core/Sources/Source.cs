namespace NewsDesk.Core.Sources;

/// <summary>Where articles come from: a polled feed, uploaded files, or a site whose pages are fetched by URL.</summary>
public sealed class Source
{
    public Source(string name, SourceKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public int Id { get; private set; }

    public string Name { get; set; }

    public SourceKind Kind { get; set; }

    /// <summary>Feed URL for <see cref="SourceKind.Feed"/>; the site's home page otherwise.</summary>
    public string? Url { get; set; }

    /// <summary>Items from a trusted source are published as they arrive instead of waiting in Incoming.</summary>
    public bool TrustedToPublish { get; set; }

    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(30);

    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTime? LastPolledAt { get; set; }

    public DateTime? NextPollAt { get; set; }

    /// <summary>One line: "200 OK, 3 added", "304 Not Modified", "failed".</summary>
    public string? LastStatus { get; set; }

    public string? LastError { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The poller instance that has claimed this source; with <see cref="LeaseExpiresAt"/>, keeps instances sharing one database from polling it twice.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum SourceKind
{
    Feed,
    File,
    Web,
    Manual,
}
