namespace NewsDesk.Core.Search;

/// <summary>
/// Keeps the store's full-text index in the shape that searches fastest. An index that grows by many writes is made of
/// several parts that every search must read and merge; compacting them into one is worth doing after a bulk import and
/// now and then while the site runs. The web host runs it in the background; the command line runs it after an ingest.
/// Each provider implements it for its own index; it is safe to run from several processes at once.
/// </summary>
public interface ISearchIndexMaintenance
{
    /// <summary>Compacts the index when enough of it lies outside its largest part to slow searches down; otherwise
    /// does nothing and returns null. The index serves searches and takes writes throughout.</summary>
    Task<SearchIndexCompaction?> CompactIfWorthwhileAsync(CancellationToken cancellationToken = default);
}

/// <param name="PartsBefore">How many parts (FTS5 segments) the index had.</param>
/// <param name="PartsAfter">How many it has now: one, unless writes arrived while it ran.</param>
/// <param name="Steps">Separate write transactions it took.</param>
public sealed record SearchIndexCompaction(int PartsBefore, int PartsAfter, int Steps, TimeSpan Elapsed);
