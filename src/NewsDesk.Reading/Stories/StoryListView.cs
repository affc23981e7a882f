namespace NewsDesk.Reading.Stories;

/// <summary>Model of the <c>_StoryList</c> partial.</summary>
public sealed record StoryListView(IReadOnlyList<StoryCard> Items, int HeadingLevel = 2, bool ShowStandfirst = true, string EmptyText = "No stories yet.");

/// <summary>Model of the <c>_SearchForm</c> partial.</summary>
public sealed record SearchFormView(string Id, string Label, string? Query);
