namespace NewsDesk.Core.Audit;

/// <summary>Who did what to which story, tag, source or user, and when. Append-only.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>A dotted verb: "article.publish", "tag.merge", "user.create".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Summary { get; set; }
}
