using NewsDesk.TestSupport;

namespace NewsDesk.BrowserTests.Desk;

/// <summary>The browser fixture with the keyword tagger, so the desk has suggestions to review.</summary>
public sealed class DeskFixture : BrowserFixture
{
    protected override void Configure(NewsDeskAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Kestrel serves plain http here; secure cookies are covered by the integration tests over https.
        app.WithTagger<KeywordTagger>().With("Desk:SignInAttemptsPerMinute", "1000").With("Desk:SecureCookies", "false");
    }
}
