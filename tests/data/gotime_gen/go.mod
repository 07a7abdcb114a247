module gotmpl/gotime_gen

go 1.27
