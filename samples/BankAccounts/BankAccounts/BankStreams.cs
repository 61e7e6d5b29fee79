namespace BankAccounts;

/// <summary>The streams of the bank domain: one per account, one per transfer.</summary>
public static class BankStreams
{
    public const string AccountPrefix = "account-";
    public const string TransferPrefix = "transfer-";

    public static string Account(string accountId) => AccountPrefix + accountId;

    public static string Transfer(string transferId) => TransferPrefix + transferId;
}
