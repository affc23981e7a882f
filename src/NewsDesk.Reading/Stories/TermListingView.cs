namespace NewsDesk.Reading.Stories;

/// <summary>Model of the <c>_TermListing</c> partial (topic, tag and author pages).</summary>
public sealed record TermListingView(ListingPageModel Page, string Kind, string Name, string? Description, string? FeedPath, IReadOnlyList<StoryCard> Featured);
