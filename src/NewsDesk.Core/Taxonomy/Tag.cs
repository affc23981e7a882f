namespace NewsDesk.Core.Taxonomy;

/// <summary>A named entity a story is about: a person, an organisation, a piece of equipment.</summary>
public sealed class Tag : Term
{
    public Tag(string slug, string name, TagKind kind)
        : base(slug, name)
    {
        Kind = kind;
    }

    public TagKind Kind { get; set; }
}

public enum TagKind
{
    Person,
    Organisation,
    Equipment,
    Other,
}
