namespace NewsDesk.Reading.Regions;

/// <summary>A region with its published stories (its descendants' included), as region lists show it.</summary>
public sealed record CountedRegion(RegionNode Region, int Count)
{
    public static IReadOnlyList<CountedRegion> Of(IEnumerable<RegionNode> regions, StoryCountSnapshot counts) =>
        [.. regions.Select(r => new CountedRegion(r, counts.Count(r.Id)))];
}

/// <summary>
/// Model of the <c>_PlaceList</c> partial: places with stories first, busiest first, with counts; the others after
/// them, quieter, and folded away when there are many (a country page lists every province, most with no stories).
/// </summary>
public sealed record PlaceListView(string Heading, string CssClass, IReadOnlyList<CountedRegion> Places)
{
    /// <summary>More quiet places than this are folded into a disclosure.</summary>
    public const int FoldAfter = 12;

    public IEnumerable<CountedRegion> WithStories => Places.Where(p => p.Count > 0).OrderByDescending(p => p.Count);

    public IReadOnlyList<CountedRegion> Quiet => [.. Places.Where(p => p.Count == 0)];
}
