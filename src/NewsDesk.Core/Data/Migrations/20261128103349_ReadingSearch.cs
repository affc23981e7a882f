using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <summary>
    /// SQLite FTS5 index over Articles (external content) and the triggers that keep it in step with every insert,
    /// update and delete. Raw SQL, no model change. EF rebuilds a table to alter a column on SQLite, which drops its
    /// triggers: <c>SqliteSearchSchema</c> checks for them at start and puts them back.
    /// </summary>
    public partial class ReadingSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    Headline, Standfirst, Body,
                    content='Articles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterInsert AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) VALUES (new.Id, new.Headline, new.Standfirst, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterDelete AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) VALUES ('delete', old.Id, old.Headline, old.Standfirst, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterUpdate AFTER UPDATE OF Headline, Standfirst, Body ON Articles BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) VALUES ('delete', old.Id, old.Headline, old.Standfirst, old.Body);
                    INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) VALUES (new.Id, new.Headline, new.Standfirst, new.Body);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
