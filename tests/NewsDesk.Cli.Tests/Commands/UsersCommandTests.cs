using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;

namespace NewsDesk.Cli.Tests.Commands;

public sealed class UsersCommandTests
{
    [Fact]
    public async Task Users_add_creates_an_editor_with_the_password_from_standard_input()
    {
        using var directory = new TempDirectory();
        var db = directory.File("newsdesk.db");

        var run = await Cli.RunWithStdinAsync("correct horse battery staple\n", "users", "add", "--role", "EDITOR", "ed@example.org", "--db", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Added ed@example.org as Editor.", run.Stdout.Trim());
        await using var context = new NewsDeskDbContext(new DbContextOptionsBuilder<NewsDeskDbContext>().UseSqlite($"Data Source={db}").Options);
        var user = await context.Users.SingleAsync(TestContext.Current.CancellationToken);
        var roles = await context.UserRoles.Join(context.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Editor"], roles);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<NewsDesk.Core.Users.NewsDeskUser>().VerifyHashedPassword(user, user.PasswordHash!, "correct horse battery staple"));
        Assert.True(await context.AuditEntries.AnyAsync(e => e.Action == "user.create" && e.UserName == "cli", TestContext.Current.CancellationToken));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("short\n", "ed@example.org", "editor", "at least 12 characters")]
    [InlineData("correct horse battery staple\n", "ed@example.org", "reader", "unknown role 'reader'")]
    [InlineData("correct horse battery staple\n", "not-an-email", "admin", "is not an email address")]
    [InlineData("", "ed@example.org", "admin", "no password on standard input")]
    public async Task Bad_input_is_a_usage_error_with_one_clear_line(string stdin, string email, string role, string message)
    {
        using var directory = new TempDirectory();

        var run = await Cli.RunWithStdinAsync(stdin, "users", "add", "--role", role, email, "--db", directory.File("newsdesk.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Adding_the_same_email_twice_is_refused()
    {
        using var directory = new TempDirectory();
        var db = directory.File("newsdesk.db");
        await Cli.RunWithStdinAsync("correct horse battery staple\n", "users", "add", "--role", "admin", "a@example.org", "--db", db);

        var run = await Cli.RunWithStdinAsync("another long password\n", "users", "add", "--role", "editor", "A@example.org", "--db", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already exists", run.Stderr, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
