namespace NewsDesk.Core.Search;

/// <summary>
/// Into how many parts a search may split its ranking, each ranked on its own connection and core. A search for a
/// common word spends most of its time in <c>bm25()</c> over every match, on one core; parts split by story id rank at
/// once and their pages merge. The cores are shared out among the searches running in this process: a busy server
/// gives each search one part, so splitting never adds work when no core is idle. Per process because cores are; it
/// changes how fast results come, never which. Singleton.
/// </summary>
/// <param name="maxParts">Parts for a search running alone.</param>
/// <param name="minMatchesPerPart">Fewer matches than this per part are ranked faster than a connection is handed over.</param>
internal sealed class SearchParallelism(int maxParts, long minMatchesPerPart)
{
    private readonly int _maxParts = Math.Max(1, maxParts);
    private readonly long _minMatchesPerPart = Math.Max(1, minMatchesPerPart);
    private int _running;

    /// <summary>Up to four parts, one a core.</summary>
    public static SearchParallelism ForThisMachine() => new(Math.Clamp(Environment.ProcessorCount, 1, 4), 2_000);

    /// <summary>Counts a search as running until the lease is disposed.</summary>
    public Lease Begin() => new(this, Interlocked.Increment(ref _running));

    public readonly struct Lease(SearchParallelism owner, int running) : IDisposable
    {
        /// <summary>The parts for a search of at most <paramref name="matches"/> matches: its share of the cores when it began.</summary>
        public int Parts(long matches) => (int)Math.Max(1, Math.Min(owner._maxParts / running, matches / owner._minMatchesPerPart));

        /// <summary>Whether this search may hand work to another connection at all.</summary>
        public bool HasSpareCore => owner._maxParts / running > 1;

        public void Dispose() => Interlocked.Decrement(ref owner._running);
    }
}
