namespace NewsDesk.Reading.Stories;

/// <summary>A story as lists show it.</summary>
public sealed record StoryCard(int Id, string Slug, string Headline, string? Standfirst, string? Byline, DateTime PublishedAt, DateTime? UpdatedAt)
{
    public string Url => "/articles/" + Slug;
}

/// <summary>One page of a list, numbered from 1.</summary>
public sealed record StoryPage(IReadOnlyList<StoryCard> Items, int Number, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}
