using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <summary>
    /// The full-text index holds published stories only: its triggers index a story when it is published and drop it
    /// when it is unpublished or deleted, so a public search ranks and counts matches from the index alone instead of
    /// looking each one up in Articles. Raw SQL, no model change; the index is refilled from Articles.
    /// </summary>
    public partial class SearchIndexesPublishedStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterInsert AFTER INSERT ON Articles WHEN new.Status = 'Published' BEGIN
                    INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) VALUES (new.Id, new.Headline, new.Standfirst, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterDelete AFTER DELETE ON Articles WHEN old.Status = 'Published' BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) VALUES ('delete', old.Id, old.Headline, old.Standfirst, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_AfterUpdate AFTER UPDATE OF Headline, Standfirst, Body, Status ON Articles
                WHEN old.Status = 'Published' OR new.Status = 'Published' BEGIN
                    INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) SELECT 'delete', old.Id, old.Headline, old.Standfirst, old.Body WHERE old.Status = 'Published';
                    INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) SELECT new.Id, new.Headline, new.Standfirst, new.Body WHERE new.Status = 'Published';
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch) VALUES ('delete-all');");
            migrationBuilder.Sql("INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) SELECT Id, Headline, Standfirst, Body FROM Articles WHERE Status = 'Published';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
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

        private static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ArticleSearch_AfterInsert;");
        }
    }
}
