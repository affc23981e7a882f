using NewsDesk.Core.Data;

namespace NewsDesk.Core.Audit;

/// <summary>Adds an audit entry to the unit of work, so it is saved, or lost, together with the change it records.</summary>
public static class AuditLog
{
    public static AuditEntry Record(this NewsDeskDbContext db, Actor actor, DateTime at, string action, string entityType, object? entityId, string? summary)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId is null ? null : Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture),
            Summary = summary is { Length: > 2000 } ? summary[..1999] + "…" : summary,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
