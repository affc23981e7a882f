using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Content;

public static class ContentStamps
{
    /// <summary>For writers that bypass SaveChanges (ExecuteUpdate, raw SQL): marks public content as changed.</summary>
    public static Task<int> BumpAsync(NewsDeskDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var token = Random.Shared.NextInt64();
        return db.ContentStamps
            .Where(s => s.Id == ContentStamp.SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Token, token).SetProperty(s => s.ChangedAt, now), cancellationToken);
    }
}
