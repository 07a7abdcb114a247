module gotmpl/gofmt_gen

go 1.27
