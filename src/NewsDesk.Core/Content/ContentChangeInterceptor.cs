using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Content;

/// <summary>
/// Bumps the <see cref="ContentStamp"/> in the same SaveChanges (so in the same transaction) as any change readers can
/// see, so no writer can forget it. Bulk writes that bypass SaveChanges (ExecuteUpdate, raw SQL) call
/// <see cref="ContentStamps.BumpAsync"/> themselves. This process's caches are told once the change is committed: inside
/// a writer's own transaction that is at its commit, not at the save, or a cache refreshing in between would read the
/// old stamp and keep serving the old pages until its next poll.
/// </summary>
internal sealed class ContentChangeInterceptor(ContentChangeNotifier notifier, TimeProvider time) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Stamped = new();

    /// <summary>Open transactions that saved a public change; entries go with their transaction.</summary>
    private readonly ConditionalWeakTable<DbTransaction, object> _stamped = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        NotifyIfStamped(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        NotifyIfStamped(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<IPublicContent>().Any(IsVisibleChange))
        {
            return;
        }

        var entry = context.ChangeTracker.Entries<ContentStamp>().FirstOrDefault()
            ?? context.Attach(new ContentStamp(ContentStamp.SingletonId));
        entry.Entity.Bump(time.GetUtcNow().UtcDateTime);
        entry.Property(s => s.Token).IsModified = true;
        entry.Property(s => s.ChangedAt).IsModified = true;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyIfCommittedStamp(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfCommittedStamp(transaction);
        return Task.CompletedTask;
    }

    private void NotifyIfStamped(DbContext? context)
    {
        // After a successful save the stamp entry is Unchanged again; its presence with a fresh value is the tell.
        if (context is null || !context.ChangeTracker.Entries<ContentStamp>().Any())
        {
            return;
        }

        if (context.Database.CurrentTransaction is { } open)
        {
            _stamped.AddOrUpdate(open.GetDbTransaction(), Stamped);
        }
        else
        {
            notifier.Notify();
        }
    }

    private void NotifyIfCommittedStamp(DbTransaction transaction)
    {
        if (_stamped.Remove(transaction))
        {
            notifier.Notify();
        }
    }

    private static bool IsVisibleChange(EntityEntry<IPublicContent> entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return false;
        }

        // A draft edited on the desk changes nothing readers see; a story that is or was published does.
        if (entry.Entity is Article)
        {
            return WasOrIsPublished(entry);
        }

        // Links of a tracked article that was never published (ingest tagging incoming items) are invisible too.
        if (entry.Entity is ArticleTerm && entry.Reference(nameof(ArticleTerm.Article)).TargetEntry is { } article)
        {
            return WasOrIsPublished(article);
        }

        return true;
    }

    private static bool WasOrIsPublished(EntityEntry article)
    {
        var status = article.Property(nameof(Article.Status));
        return (ArticleStatus)status.CurrentValue! == ArticleStatus.Published
            || (article.State != EntityState.Added && (ArticleStatus)status.OriginalValue! == ArticleStatus.Published);
    }
}
