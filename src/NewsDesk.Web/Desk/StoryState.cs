using NewsDesk.Core.Articles;

namespace NewsDesk.Web.Desk;

/// <summary>How the desk names a story's state: "Scheduled" is a published story whose time has not come.</summary>
public static class StoryState
{
    public static string Label(ArticleStatus status, DateTime? publishedAt, DateTime now) => status switch
    {
        ArticleStatus.Published when publishedAt > now => "Scheduled",
        ArticleStatus.InReview => "In review",
        _ => status.ToString(),
    };

    public static string Css(ArticleStatus status, DateTime? publishedAt, DateTime now) =>
        status == ArticleStatus.Published && publishedAt > now ? "Scheduled" : status.ToString();
}
