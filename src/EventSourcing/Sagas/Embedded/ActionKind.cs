namespace EventSourcing.Sagas.Embedded;

internal enum ActionKind
{
    Activity,
    Timer,
}
