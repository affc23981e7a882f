using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Replaces <see cref="TaxonomyState.Stamp"/> in the same SaveChanges as any change to the taxonomy, so every
/// instance and process (the CLI ingesting while the site runs) rebuilds its cached snapshot on its next use.
/// Tags the tagger creates for newly found people and organisations change nothing the snapshot holds and do
/// not count. Bulk updates that bypass the change tracker must call <see cref="TaxonomyStamp.BumpAsync"/>.
/// </summary>
internal sealed class TaxonomyChangeInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        if (!context.ChangeTracker.Entries().Any(Curates))
        {
            return;
        }

        var state = context.Set<TaxonomyState>().Local.FirstOrDefault(s => s.Id == TaxonomyState.SingletonId);
        if (state is null)
        {
            state = new TaxonomyState { Id = TaxonomyState.SingletonId };
            context.Attach(state);
        }

        state.Stamp = Guid.NewGuid();
        context.Entry(state).Property(s => s.Stamp).IsModified = true;
    }

    private static bool Curates(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return false;
        }

        return entry.Entity switch
        {
            TermAlias or RegionInvolvement or Region or Topic => true,
            Tag tag => entry.State != EntityState.Added || tag.Key is null,
            _ => false,
        };
    }
}

/// <summary>Marks the taxonomy changed for code that updates terms in bulk (ExecuteUpdate, raw SQL).</summary>
public static class TaxonomyStamp
{
    public static Task<int> BumpAsync(Data.NewsDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Guid.NewGuid();
        return db.TaxonomyState.Where(s => s.Id == TaxonomyState.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stamp, stamp), cancellationToken);
    }
}
