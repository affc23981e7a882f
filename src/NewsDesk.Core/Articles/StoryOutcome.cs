namespace NewsDesk.Core.Articles;

public enum StoryOutcomeKind
{
    Saved,
    NotFound,
    Invalid,

    /// <summary>Someone else saved the story since the editor loaded it; nothing was changed.</summary>
    Conflict,
}

/// <summary>What happened to a desk action on a story. On a conflict, <see cref="Article"/> is the current stored version.</summary>
public sealed record StoryOutcome(StoryOutcomeKind Kind, Article? Article, IReadOnlyDictionary<string, string> Errors)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public bool Succeeded => Kind == StoryOutcomeKind.Saved;

    public static StoryOutcome Saved(Article article) => new(StoryOutcomeKind.Saved, article, NoErrors);

    public static StoryOutcome NotFound() => new(StoryOutcomeKind.NotFound, null, NoErrors);

    public static StoryOutcome Conflict(Article current) => new(StoryOutcomeKind.Conflict, current, NoErrors);

    public static StoryOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(StoryOutcomeKind.Invalid, null, errors);

    public static StoryOutcome Invalid(string field, string message) => Invalid(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });
}
