# bash completion for kmgca(1): the commands and the options of each, as
# `kmgca --help` and `kmgca COMMAND --help` list them. Installed as
# share/bash-completion/completions/kmgca (`make install`, Debian's kmgca).

_kmgca()
{
    local cur prev words cword
    _init_completion || return

    local commands="analyse food drug report help"
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            analyse|food|drug|report|help) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--help --version -h -V" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    # The value an option takes.
    case $cmd:$prev in
        analyse:-o|analyse:--output)
            _filedir xlsx; return ;;
        analyse:--format)
            COMPREPLY=($(compgen -W "auto generic cronometer-servings cronometer-daily mfp-summary" -- "$cur")); return ;;
        analyse:--encoding)
            COMPREPLY=($(compgen -W "utf-8 gbk gb18030" -- "$cur")); return ;;
        analyse:--date-order)
            COMPREPLY=($(compgen -W "dmy mdy" -- "$cur")); return ;;
        analyse:--sex)
            COMPREPLY=($(compgen -W "f m" -- "$cur")); return ;;
        analyse:--reference)
            COMPREPLY=($(compgen -W "us china" -- "$cur")); return ;;
        analyse:--age|analyse:--body-mass|food:--limit|food:--search|report:-j|report:--jobs|report:--pdf-timeout)
            return ;;
        *:--foods|*:--recipes|analyse:--meds|analyse:--activity)
            _filedir csv; return ;;
        report:-o|report:--output)
            _filedir -d; return ;;
        report:--lang)
            COMPREPLY=($(compgen -W "en zh" -- "$cur")); return ;;
    esac

    local opts
    case $cmd in
        analyse)
            opts="-o --output --json --format --recompute --strict --encoding --date-order
                  --foods --recipes --meds --activity --body-mass --age --sex --pregnant
                  --lactating --reference -q --quiet -h --help" ;;
        food)
            opts="--json --search --limit --foods --recipes -h --help" ;;
        drug)
            opts="--json -h --help" ;;
        report)
            opts="-o --output -j --jobs --pdf --pdf-timeout --lang --foods --recipes
                  -q --quiet -h --help" ;;
        help)
            COMPREPLY=($(compgen -W "analyse food drug report" -- "$cur")); return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ $cmd == analyse ]]; then
        _filedir csv
    elif [[ $cmd == report ]]; then
        _filedir -d
    fi
    # food and drug take free text: nothing to offer.
} &&
    complete -F _kmgca kmgca
