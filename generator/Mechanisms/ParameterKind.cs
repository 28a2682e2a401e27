namespace LazyMmuGen.Generator.Mechanisms;

public enum ParameterKind
{
    Integer,
    Boolean,
    Choice,
    ChoiceList,
    Identifier,
    LevelMap,
    LevelRef,
}
