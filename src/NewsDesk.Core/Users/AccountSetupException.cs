namespace NewsDesk.Core.Users;

/// <summary>The first admin account cannot be set up as configured; the message is one line fit for an operator.</summary>
public sealed class AccountSetupException : Exception
{
    public AccountSetupException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public AccountSetupException()
    {
    }

    public AccountSetupException(string message)
        : base(message)
    {
    }
}
